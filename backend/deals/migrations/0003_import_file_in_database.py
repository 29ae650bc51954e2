"""An uploaded registry export is kept in the database instead of the media folder: the worker that
imports it may run in another pod, and the Kubernetes pods share no disk."""
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("deals", "0002_seed_counting_rules")]

    operations = [
        migrations.AddField(
            model_name="dealimport",
            name="content",
            field=models.BinaryField(default=b"", editable=False, verbose_name="文件内容"),
            preserve_default=False,
        ),
        migrations.RemoveField(model_name="dealimport", name="file"),
    ]
