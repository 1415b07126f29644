import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from environ import Env


class Command(BaseCommand):
    help = (
        "Create the admin login: from DJANGO_SUPERUSER_USERNAME / _PASSWORD / _EMAIL when set, "
        "else an 'admin' user with a generated password printed once."
    )

    def handle(self, *args, **options):
        env = Env()
        User = get_user_model()
        username = env.str("DJANGO_SUPERUSER_USERNAME", default="")
        password = env.str("DJANGO_SUPERUSER_PASSWORD", default="")
        email = env.str("DJANGO_SUPERUSER_EMAIL", default="admin@example.com")
        if username and password:
            user, created = User.objects.get_or_create(username=username, defaults={"email": email})
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            self.stdout.write(f"Admin login '{username}' {'created' if created else 'updated'}.")
            return
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An admin login exists already.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", email, password)
        self.stdout.write(
            self.style.WARNING(
                f"Created admin login: admin / {password}  (shown once; "
                "set DJANGO_SUPERUSER_* to choose your own)"
            )
        )
