from rest_framework import serializers

from .constants import Sector
from .models import Company
from .taxcodes import normalize_tax_code


class CompanySerializer(serializers.ModelSerializer):
    commune_name = serializers.CharField(source="commune.name", read_only=True)
    sector_display = serializers.CharField(source="get_sector_display", read_only=True)
    online_percent = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Company
        fields = [
            "id",
            "commune",
            "commune_name",
            "name",
            "tax_code",
            "address",
            "sector",
            "sector_display",
            "workforce",
            "working_online",
            "online_percent",
            "contact_person",
            "contact_phone",
            "is_active",
            "closed_on",
            "updated_at",
        ]
        read_only_fields = fields


class CompanyWriteSerializer(serializers.Serializer):
    """What company_save takes; the service checks the rules (tax code, online within the workforce,
    the closing date) and answers at the field."""

    name = serializers.CharField(max_length=255)
    tax_code = serializers.CharField(max_length=20)
    address = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    sector = serializers.ChoiceField(choices=Sector.choices, default=Sector.OTHER)
    workforce = serializers.IntegerField(min_value=0, default=0)
    working_online = serializers.IntegerField(min_value=0, default=0)
    contact_person = serializers.CharField(max_length=128, required=False, allow_blank=True, default="")
    contact_phone = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    is_active = serializers.BooleanField(default=True)
    closed_on = serializers.DateField(required=False, allow_null=True, default=None)

    def validate_tax_code(self, value):
        return normalize_tax_code(value)

    @staticmethod
    def initial_for(company: Company) -> dict:
        """The stored values, for a partial update (PATCH) to start from."""
        return {name: getattr(company, name) for name in CompanyWriteSerializer._declared_fields}
