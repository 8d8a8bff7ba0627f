"""Medians per group, counted in the database the same way on SQLite and PostgreSQL (a window query: the values
ordered within their group, the middle one, or the two middle ones averaged)."""

from django.db import connection
from django.db.models import QuerySet


def medians(values: QuerySet) -> dict:
    """{g: median of v} for a `.values("g", "v")` queryset; NULL values are left out."""
    sql, params = values.query.get_compiler(using=values.db).as_sql()
    query = f"""
        SELECT g, AVG(v) FROM (
            SELECT g, v, ROW_NUMBER() OVER (PARTITION BY g ORDER BY v) AS rn, COUNT(*) OVER (PARTITION BY g) AS n
            FROM ({sql}) AS measured WHERE v IS NOT NULL) AS ranked
        WHERE rn IN ((n + 1) / 2, (n + 2) / 2)
        GROUP BY g"""
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return {g: float(v) for g, v in cursor.fetchall()}
