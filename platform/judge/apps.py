from django.apps import AppConfig


class JudgeConfig(AppConfig):
    name = "judge"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from judge import sample_previews  # noqa: F401  (registers its Celery task; autodiscovery finds tasks.py only)
