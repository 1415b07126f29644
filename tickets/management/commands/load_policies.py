from django.core.management.base import BaseCommand

from tickets.models import Policy
from tickets.starter_policies import STARTER_POLICIES


class Command(BaseCommand):
    help = "Create the starter policies that are missing. Existing policies are left as edited."

    def handle(self, *args, **options):
        created = 0
        for policy in STARTER_POLICIES:
            _, was_created = Policy.objects.get_or_create(key=policy["key"], defaults=policy)
            created += was_created
        self.stdout.write(f"{created} policies created, {len(STARTER_POLICIES) - created} kept.")
