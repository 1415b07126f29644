from django.apps import AppConfig


class AiEngineConfig(AppConfig):
    name = "ai_engine"
    verbose_name = "AI engine"
