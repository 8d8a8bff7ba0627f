from django.db import models


class Building(models.Model):
    """An apartment building of the registry; the address is stored normalised."""

    street = models.CharField("улица", max_length=200,
                              help_text="Полное официальное название: «улица Марата», «Невский проспект».")
    house = models.CharField("дом", max_length=20)
    korpus = models.CharField("корпус", max_length=10, blank=True)
    litera = models.CharField("литера", max_length=5, blank=True)
    district = models.CharField("район", max_length=100, default="Центральный")
    # Where the house stands: outages (no water, heat, power) of neighbouring houses are one incident.
    latitude = models.FloatField("широта", null=True, blank=True)
    longitude = models.FloatField("долгота", null=True, blank=True)
    # The housing stock's structure on the public site (`housing.stock`); unknown until the passport is entered.
    year_built = models.PositiveSmallIntegerField("год постройки", null=True, blank=True)
    floors = models.PositiveSmallIntegerField("этажность", null=True, blank=True)
    flats = models.PositiveIntegerField("квартир", null=True, blank=True)
    total_area = models.DecimalField("общая площадь, м²", max_digits=10, decimal_places=1, null=True, blank=True)
    living_area = models.DecimalField("жилая площадь, м²", max_digits=10, decimal_places=1, null=True, blank=True)
    search_key = models.CharField("ключ поиска", max_length=300, db_index=True, editable=False)
    is_active = models.BooleanField("обслуживается", default=True)

    class Meta:
        verbose_name = "дом"
        verbose_name_plural = "дома"
        ordering = ["street", "house", "korpus", "litera"]
        constraints = [
            models.UniqueConstraint(fields=["street", "house", "korpus", "litera"], name="building_unique_address"),
        ]

    def __str__(self) -> str:
        return self.address

    @property
    def address(self) -> str:
        parts = [f"{self.street}, д. {self.house}"]
        if self.korpus:
            parts.append(f"корп. {self.korpus}")
        if self.litera:
            parts.append(f"лит. {self.litera}")
        return ", ".join(parts)

    def save(self, *args, **kwargs):
        from .addresses import building_search_key

        self.search_key = building_search_key(self.street, self.house, self.korpus, self.litera)
        super().save(*args, **kwargs)
