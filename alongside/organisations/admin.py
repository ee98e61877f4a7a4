from django.contrib import admin

from .models import CrisisResource, Invitation, Membership, Organisation, Unit


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "country", "time_zone", "language"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "organisation"]
    list_filter = ["organisation"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = [
        "user",
        "organisation",
        "is_clinician",
        "is_peer_supporter",
        "is_moderator",
        "is_coordinator",
        "is_org_admin",
        "deactivated_at",
    ]
    list_filter = ["organisation"]
    raw_id_fields = ["user"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["email", "organisation", "created_at", "expires_at", "accepted_at"]


@admin.register(CrisisResource)
class CrisisResourceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "organisation", "phone", "is_emergency"]
