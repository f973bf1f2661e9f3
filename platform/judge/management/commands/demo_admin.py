from django.contrib.auth.models import User
from django.core.management.base import BaseCommand

from graders.config import kept_secret


class Command(BaseCommand):
    help = "Create (or reset) the local demo admin `admin` and print its password (kept in var/)."

    def handle(self, *args, **options):
        password = kept_secret("demo-admin-password")[:20]
        user, _ = User.objects.get_or_create(username="admin", defaults={"is_staff": True, "is_superuser": True})
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(f"demo admin: username admin, password {password} (http://127.0.0.1:8000/admin/)")
