from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    ORGANISATION_CREATED = "organisation.created", _("Organisation created")
    ORGANISATION_POLICY_CHANGED = "organisation.policy_changed", _("Organisation policy changed")
    SSO_CONFIGURED = "organisation.sso_configured", _("Single sign-on set up")
    SSO_REMOVED = "organisation.sso_removed", _("Single sign-on removed")
    UNIT_CREATED = "unit.created", _("Unit created")
    UNIT_RENAMED = "unit.renamed", _("Unit renamed")
    UNIT_DELETED = "unit.deleted", _("Unit deleted")
    INVITATION_SENT = "invitation.sent", _("Invitation sent")
    INVITATION_REVOKED = "invitation.revoked", _("Invitation revoked")
    INVITATION_ACCEPTED = "invitation.accepted", _("Invitation accepted")
    MEMBERSHIP_CREATED = "membership.created", _("Member joined")
    MEMBERSHIP_CHANGED = "membership.changed", _("Member's roles or units changed")
    MEMBERSHIP_DEACTIVATED = "membership.deactivated", _("Member deactivated")
    MEMBERSHIP_REACTIVATED = "membership.reactivated", _("Member reactivated")
    MEMBERSHIP_VIEWED = "membership.viewed", _("Member's record viewed")
    RESOURCE_CREATED = "resource.created", _("Crisis resource added")
    RESOURCE_CHANGED = "resource.changed", _("Crisis resource changed")
    RESOURCE_DELETED = "resource.deleted", _("Crisis resource removed")
    USER_SIGNED_OUT_EVERYWHERE = "user.signed_out_everywhere", _("Signed out everywhere")
    USER_PROFILE_CHANGED = "user.profile_changed", _("Profile changed")
    AUDIT_LOG_VIEWED = "audit.viewed", _("Audit log viewed")
    SUPPORT_REQUEST_OPENED = "support_request.opened", _("Support requested")
    SUPPORT_REQUEST_ESCALATED = "support_request.escalated", _("Support request escalated")
    SUPPORT_REQUEST_ACCEPTED = "support_request.accepted", _("Support request taken")
    SUPPORT_REQUEST_WITHDRAWN = "support_request.withdrawn", _("Support request withdrawn")
    SUPPORT_REQUEST_CLOSED = "support_request.closed", _("Support conversation recorded")
    SUPPORT_REQUEST_VIEWED = "support_request.viewed", _("Support request read")
    SHIFT_ADDED = "rota.shift_added", _("On-call shift added")
    SHIFT_REMOVED = "rota.shift_removed", _("On-call shift removed")
    TIME_OFF_ADDED = "rota.time_off_added", _("Time off added")
    TIME_OFF_REMOVED = "rota.time_off_removed", _("Time off removed")
    CALENDAR_FEED_CREATED = "rota.calendar_feed_created", _("Private calendar link made")
    FOLLOW_UPS_SCHEDULED = "follow_up.scheduled", _("Check-ins scheduled")
    FOLLOW_UP_ANSWERED = "follow_up.answered", _("Check-in answered")
    FOLLOW_UPS_VIEWED = "follow_up.viewed", _("Check-in answers read")
    SELF_CHECK_COMPLETED = "self_check.completed", _("Self-check completed")
    SELF_CHECK_DELETED = "self_check.deleted", _("Self-check deleted")
    LOSS_RECORDED = "loss.recorded", _("Loss on a unit recorded")
    LOSS_PEOPLE_ADDED = "loss.people_added", _("People added to a loss")
    LOSS_OFFER_ANSWERED = "loss.offer_answered", _("Offer of a peer answered")
    LOSS_DEBRIEFED = "loss.debriefed", _("Hot debrief held")
    ACTION_POINT_CLOSED = "loss.action_point_closed", _("Action point closed")
    EHR_FEED_CHANGED = "loss.ehr_feed_changed", _("Hospital feed set up changed")
    JOURNAL_ENTRY_DELETED = "journal.entry_deleted", _("A journal entry deleted")
    JOURNAL_DELETED = "journal.deleted", _("A whole journal deleted")
    JOURNAL_EXPORTED = "journal.exported", _("A journal exported")
    STORY_SUBMITTED = "story.submitted", _("A story sent to the moderators")
    STORY_APPROVED = "story.approved", _("A story shared by a moderator")
    STORY_RETURNED = "story.returned", _("A story returned to its author")
    STORY_WITHDRAWN = "story.withdrawn", _("A story withdrawn by its author")
    REPLY_SUBMITTED = "story.reply_submitted", _("A reply to a story sent to the moderators")
    REPLY_APPROVED = "story.reply_approved", _("A reply to a story shared by a moderator")
    REPLY_DECLINED = "story.reply_declined", _("A reply to a story not shared")


class AuditEvent(models.Model):
    """One thing that happened, kept as labels and ids rather than foreign keys.

    Copying labels means erasing a person's data never breaks the log (style 3.9); the log
    never holds what a clinician wrote, only that something was done and by whom.
    """

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=64, choices=AuditAction.choices)
    organisation_id = models.BigIntegerField(null=True, blank=True)
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_label = models.CharField(max_length=200)
    target_type = models.CharField(max_length=64, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    target_label = models.CharField(max_length=200, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # audit.queries.events_for: the organisation's log, newest first.
            models.Index(fields=["organisation_id", "-created_at"], name="audit_org_created_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"
