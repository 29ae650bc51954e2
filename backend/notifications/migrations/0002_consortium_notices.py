from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="notification",
            name="kind",
            field=models.CharField(
                choices=[
                    ("new_challenge", "新榜单与您的能力匹配"), ("new_need", "新需求与您的能力匹配"),
                    ("new_capability", "新能力成果与您的需求匹配"), ("consortium_invite", "联合体揭榜邀请"),
                    ("consortium_accepted", "联合体成员已接受邀请"), ("consortium_declined", "联合体成员已拒绝邀请"),
                ],
                max_length=20,
            ),
        ),
        migrations.AlterField(model_name="notification", name="score", field=models.FloatField(blank=True, null=True)),
    ]
