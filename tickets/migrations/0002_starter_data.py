"""Starter policies, the Support agents group, and the sweeper schedule."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from tickets.starter_policies import STARTER_POLICIES

AGENT_PERMISSIONS = [
    ("tickets", "view_ticket"),
    ("tickets", "view_awaitingreviewticket"),
    ("tickets", "review_ticket"),
    ("tickets", "view_policy"),
    ("tickets", "view_decision"),
    ("tickets", "view_auditevent"),
]


def load_policies(apps, schema_editor):
    Policy = apps.get_model("tickets", "Policy")
    # Only the fields this migration's model has; later migrations add the rest.
    fields = {"key", "title", "text", "intents"}
    for policy in STARTER_POLICIES:
        Policy.objects.update_or_create(
            key=policy["key"], defaults={k: v for k, v in policy.items() if k in fields}
        )


def create_agents_group(apps, schema_editor):
    # Permissions are normally created after all migrations; make them now.
    for app_label in ("tickets",):
        config = apps.get_app_config(app_label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Support agents")
    for app_label, codename in AGENT_PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def schedule_sweeper(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.update_or_create(
        name="sweep stuck tickets",
        defaults={
            "func": "tickets.tasks.sweep_stuck_tickets",
            "schedule_type": "I",
            "minutes": 1,
            "repeats": -1,
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("tickets", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [
        migrations.RunPython(load_policies, migrations.RunPython.noop),
        migrations.RunPython(create_agents_group, migrations.RunPython.noop),
        migrations.RunPython(schedule_sweeper, migrations.RunPython.noop),
    ]
