"""The PBX's call-detail records: imported once however often the file comes, bad rows reported by number."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from appeals.models import Applicant
from calls.models import Call, CdrImport, OperatorExtension, Outcome
from conftest import create_staff
from deadlines.calendar import MOSCOW

ROWS = [
    '"","89211234567","100","from-pstn","""Иванов"" <89211234567>","SIP/trunk-00000001","SIP/101-00000002",'
    '"Dial","SIP/101,30","2026-03-02 10:00:00","2026-03-02 10:00:25","2026-03-02 10:03:25",205,180,'
    '"ANSWERED","DOCUMENTATION","1772434800.1",""',
    '"","+7 (921) 765-43-21","100","from-pstn","","SIP/trunk-00000003","","Queue","support",'
    '"2026-03-02 10:05:00","","2026-03-02 10:06:00",60,0,"NO ANSWER","DOCUMENTATION","1772435100.2",""',
    '"","89211112233","100","from-pstn","","SIP/trunk-00000004","SIP/102-00000005","Dial","SIP/102",'
    '"2026-03-02 11:00:00","2026-03-02 11:00:10","2026-03-02 11:01:10",70,60,"BUSY","DOCUMENTATION","",""',
]
BAD = ('"","89210000000","100","from-pstn","","SIP/trunk-9","","Dial","","вчера","","",0,0,"ANSWERED",'
       '"DOCUMENTATION","x9",""')


def write(tmp_path, lines):
    path = tmp_path / "Master.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(path, *args):
    out, err = StringIO(), StringIO()
    call_command("import_cdr", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_the_same_file_twice_adds_nothing(tmp_path):
    path = write(tmp_path, ROWS)
    run(path)
    assert Call.objects.count() == 3
    out, _ = run(path, "--batch", "2")
    assert Call.objects.count() == 3
    assert "добавлено звонков: 0" in out and "уже были загружены: 3" in out


@pytest.mark.django_db
def test_a_row_without_uniqueid_gets_a_stable_key(tmp_path):
    path = write(tmp_path, ROWS[2:])
    run(path)
    run(path)
    call = Call.objects.get()
    assert call.pbx_id.startswith("cdr-")


@pytest.mark.django_db
def test_moments_operator_caller_and_missed(tmp_path):
    operator = create_staff("op101", "operator")
    OperatorExtension.objects.create(extension="101", operator=operator)
    applicant = Applicant.objects.create(full_name="Иванов Иван", phone="+79211234567")
    run(write(tmp_path, ROWS))
    answered = Call.objects.get(pbx_id="1772434800.1")
    assert answered.operator == operator
    assert answered.applicant == applicant
    assert answered.caller_number == "+79211234567"
    assert answered.ringing_at == dt.datetime(2026, 3, 2, 10, 0, tzinfo=MOSCOW)
    assert (answered.answered_at - answered.ringing_at).total_seconds() == 25
    assert answered.source == Call.Source.PBX
    missed = Call.objects.exclude(pk=answered.pk)
    assert {call.outcome for call in missed} == {Outcome.MISSED}
    assert all(call.answered_at is None and call.operator_id is None for call in missed)


@pytest.mark.django_db
def test_a_malformed_row_is_reported_with_its_number(tmp_path):
    path = write(tmp_path, [ROWS[0], BAD, "одно,два", ROWS[1]])
    out, err = run(path)
    assert Call.objects.count() == 2
    assert "Строка 2: поле start: «вчера» — не дата и время" in err
    assert "Строка 3: в строке 2 полей, а нужно не меньше 16" in err
    record = CdrImport.objects.get()
    assert record.error_count == 2 and record.rows_done == 4 and record.is_finished
    assert [error["row"] for error in record.errors] == [2, 3]


@pytest.mark.django_db
def test_utc_times_and_a_header_line(tmp_path):
    header = ",".join(["accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp",
                       "lastdata", "start", "answer", "end", "duration", "billsec", "disposition", "amaflags",
                       "uniqueid", "userfield"])
    run(write(tmp_path, [header, ROWS[0]]), "--utc")
    call = Call.objects.get()
    assert call.ringing_at == dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
    assert CdrImport.objects.get().error_count == 0
