from django.apps import AppConfig


class JudgeConfig(AppConfig):
    name = "judge"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # These register their Celery tasks; autodiscovery finds tasks.py only.
        from judge import authoring_tasks, sample_previews  # noqa: F401
