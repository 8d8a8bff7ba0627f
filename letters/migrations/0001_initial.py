
import django.db.models.deletion
import django.utils.timezone
import letters.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('appeals', '0016_statistics_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='LetterSequence',
            fields=[
                ('year', models.PositiveIntegerField(primary_key=True, serialize=False, verbose_name='год')),
                ('last', models.PositiveIntegerField(default=0, verbose_name='последний номер')),
            ],
            options={
                'verbose_name': 'счётчик исходящих номеров',
                'verbose_name_plural': 'счётчики исходящих номеров',
            },
        ),
        migrations.CreateModel(
            name='LetterTemplate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('answer', 'Ответ'), ('refusal', 'Отказ'), ('extension', 'Продление срока')], max_length=20, unique=True, verbose_name='вид письма')),
                ('body', models.TextField(help_text='Подстановки в двойных фигурных скобках: {{ applicant }}, {{ number }}.', verbose_name='текст письма (HTML)')),
                ('signatory_name', models.CharField(blank=True, help_text='Пусто — руководитель из карточки управляющей компании.', max_length=120, verbose_name='подписывает (Фамилия И. О.)')),
                ('signatory_post', models.CharField(blank=True, help_text='Пусто — «Генеральный директор».', max_length=200, verbose_name='должность подписывающего')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='изменён')),
            ],
            options={
                'verbose_name': 'шаблон письма',
                'verbose_name_plural': 'шаблоны писем',
                'ordering': ['kind'],
            },
        ),
        migrations.CreateModel(
            name='Letter',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('answer', 'Ответ'), ('refusal', 'Отказ'), ('extension', 'Продление срока')], max_length=20, verbose_name='вид')),
                ('number', models.CharField(max_length=20, unique=True, verbose_name='исходящий номер')),
                ('date', models.DateField(verbose_name='дата')),
                ('addressee_name', models.CharField(max_length=300, verbose_name='адресат')),
                ('addressee_address', models.CharField(blank=True, max_length=400, verbose_name='почтовый адрес')),
                ('addressee_email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail адресата')),
                ('body', models.TextField(verbose_name='текст (HTML)')),
                ('signatory_name', models.CharField(max_length=120, verbose_name='подписал')),
                ('signatory_post', models.CharField(max_length=200, verbose_name='должность подписавшего')),
                ('pdf', models.FileField(upload_to=letters.models.letter_path, verbose_name='файл PDF')),
                ('issued_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='сформировано')),
                ('delivery', models.CharField(choices=[('email', 'По e-mail'), ('post', 'К отправке почтой'), ('none', 'Не отправлено')], max_length=10, verbose_name='как отправлено')),
                ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='когда отправлено')),
                ('appeal', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='letters', to='appeals.appeal', verbose_name='обращение')),
                ('issued_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to=settings.AUTH_USER_MODEL, verbose_name='кто сформировал')),
            ],
            options={
                'verbose_name': 'исходящее письмо',
                'verbose_name_plural': 'исходящие письма',
                'ordering': ['-date', '-id'],
                'indexes': [models.Index(fields=['-date', '-id'], name='letter_register_idx'), models.Index(fields=['kind', '-date'], name='letter_kind_idx')],
            },
        ),
    ]
