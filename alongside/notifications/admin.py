from django.contrib import admin

from .models import Delivery


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["created_at", "template", "to_address", "status", "attempts", "last_error"]
    list_filter = ["status", "template"]
    exclude = ["context"]  # may hold a sign-in link until sent
