"""Consortium partners must accept (pending → accepted | declined); transitions record the actor's
organisation and role so that the public history never needs an account name.

Existing partner links become `accepted` so that old bids keep their consortia; existing
transitions get the role their actor held at migration time (the best record there is)."""
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def backfill_roles(apps, schema_editor):
    Transition = apps.get_model("marketplace", "ChallengeTransition")
    for t in Transition.objects.select_related("by__organisation", "challenge").exclude(by=None).iterator():
        org = t.by.organisation
        if org is not None and org.pk == t.challenge.organisation_id:
            role = "owner"
        elif t.by.is_superuser or (org is not None and org.kind == "operator"):
            role = "operator"
        elif org is not None and org.kind == "government":
            role = "government"
        else:
            role = "owner"  # only members and the operator could ever change a challenge's status
        Transition.objects.filter(pk=t.pk).update(by_role=role, by_organisation=org)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_user_org_role_organisation_user_organisation"),
        ("marketplace", "0002_seed_industry_chains"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Added as `accepted` (what existing rows become), then the default for new rows is `pending`.
        migrations.AddField(
            model_name="bidpartner",
            name="state",
            field=models.CharField(
                choices=[("pending", "待确认"), ("accepted", "已接受"), ("declined", "已拒绝")],
                db_index=True, default="accepted", max_length=10, verbose_name="确认状态",
            ),
        ),
        migrations.AlterField(
            model_name="bidpartner",
            name="state",
            field=models.CharField(
                choices=[("pending", "待确认"), ("accepted", "已接受"), ("declined", "已拒绝")],
                db_index=True, default="pending", max_length=10, verbose_name="确认状态",
            ),
        ),
        migrations.AddField(
            model_name="bidpartner",
            name="decided_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="确认时间"),
        ),
        migrations.AddField(
            model_name="bidpartner",
            name="decided_by",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL,
                                    related_name="+", to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name="challengetransition",
            name="by_role",
            field=models.CharField(
                choices=[("owner", "发榜单位"), ("operator", "平台运营方"), ("government", "政府部门"), ("system", "系统")],
                default="system", max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="challengetransition",
            name="by_organisation",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL,
                                    related_name="+", to="accounts.organisation"),
        ),
        migrations.RunPython(backfill_roles, migrations.RunPython.noop),
    ]
