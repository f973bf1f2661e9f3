from django.apps import AppConfig


class JudgeConfig(AppConfig):
    name = "judge"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from judge import (
            problem_list,  # noqa: F401  (its signals keep the cached catalogue fresh)
            sample_previews,  # noqa: F401  (registers its Celery task; autodiscovery finds tasks.py only)
        )
