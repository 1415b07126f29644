from django.apps import AppConfig


class TicketsConfig(AppConfig):
    name = "tickets"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django_q.signals import post_spawn

        from tickets import receivers  # noqa: F401  (connects the signal receivers)
        from tickets.warmup import worker_warm

        # Each worker process builds its engine when spawned, not on its first ticket.
        post_spawn.connect(worker_warm, dispatch_uid="tickets.worker_warm")
