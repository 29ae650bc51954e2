"""Until now a member of any government or operator organisation held its powers by the kind alone.
Members of *verified* ones keep them through an explicit grant (city-wide, granted by nobody: this
migration, recorded as such); members of unverified ones, which anybody could register, lose them."""
from django.db import migrations

KIND_OF_POWER = {"official": "government", "operator": "operator"}
REASON = "迁移：此前按机构类型自动获得的权限（机构已认证）"


def grant_existing(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    Grant = apps.get_model("accounts", "Grant")
    AuditEntry = apps.get_model("accounts", "AuditEntry")
    for power, kind in KIND_OF_POWER.items():
        for user in User.objects.filter(organisation__kind=kind, organisation__verification="verified"):
            Grant.objects.create(user=user, power=power, district="", reason=REASON)
            AuditEntry.objects.create(action="grant_added", organisation_id=user.organisation_id, user=user,
                                      changes={"power": power, "district": ""}, reason=REASON)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_grants_audit")]

    operations = [migrations.RunPython(grant_existing, migrations.RunPython.noop)]
