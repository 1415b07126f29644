import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tickets.models import Ticket
from tickets.services.submission import token_hash


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.django.Password("pw")


class AgentFactory(UserFactory):
    """A member of the "Support agents" group created by the migration."""

    is_staff = True

    @factory.post_generation
    def group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name="Support agents"))


class AdminFactory(UserFactory):
    is_staff = True
    is_superuser = True


class TicketFactory(factory.django.DjangoModelFactory):
    """A ticket; its customer token is `ticket.token` (the database keeps only the hash)."""

    class Meta:
        model = Ticket

    subject = factory.Sequence(lambda n: f"Question number {n}")
    body = "How do I export my projects to CSV?"
    customer_email = factory.Sequence(lambda n: f"customer{n}@example.com")
    token = factory.Sequence(lambda n: f"token-{n}-abcdefghijklmnopqrstuvwxyz")
    access_token_hash = factory.LazyAttribute(lambda t: token_hash(t.token))

    @classmethod
    def _create(cls, model_class, *args, token=None, **kwargs):
        ticket = super()._create(model_class, *args, **kwargs)
        ticket.token = token
        return ticket
