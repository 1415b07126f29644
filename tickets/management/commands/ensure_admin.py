import secrets
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from environ import Env

from supportdesk.envfile import env_file_append


class Command(BaseCommand):
    help = (
        "Create the admin login: from DJANGO_SUPERUSER_USERNAME / _PASSWORD / _EMAIL when set, "
        "else an 'admin' user with a generated password printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--env-file",
            type=Path,
            help="Also note a generated password in this file (make run: .env), for whoever missed it.",
        )

    def handle(self, *args, env_file=None, **options):
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
        if env_file:
            env_file_append(
                env_file,
                [
                    f"# Admin login created by `make run` on {date.today()}: admin / {password}",
                    "# Change it with `python manage.py changepassword admin`, then delete these two lines.",
                ],
            )
        self.stdout.write(
            self.style.WARNING(
                f"Created admin login: admin / {password}  ("
                + (f"noted in {env_file}; " if env_file else "shown once; ")
                + "set DJANGO_SUPERUSER_* to choose your own)"
            )
        )
