from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('judge', '0002_ux_problem_search_text'),
    ]

    operations = [
        migrations.AddField(
            model_name='problemversion',
            name='sample_arguments',
            field=models.JSONField(blank=True, null=True),
        ),
    ]
