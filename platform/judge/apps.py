from django.apps import AppConfig


class JudgeConfig(AppConfig):
    name = "judge"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from judge import (
            authoring_tasks,  # noqa: F401  (registers its Celery tasks; autodiscovery finds tasks.py only)
            problem_list,  # noqa: F401  (its signals keep the cached catalogue fresh)
            sample_previews,  # noqa: F401  (registers its Celery task)
        )
