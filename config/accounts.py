"""Password reset e-mails go through the outbox like every other e-mail (sent after the request, retried)."""

import uuid

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.template.loader import render_to_string

from staffing.outbox.services import message_enqueue


class OutboxPasswordResetForm(PasswordResetForm):
    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        text = render_to_string(email_template_name, context)
        html = render_to_string(html_email_template_name, context) if html_email_template_name else ""
        # Each request is its own message: a person who asks twice gets two links.
        message_enqueue(
            key=f"password_reset:{uuid.uuid4().hex}",
            kind="password_reset",
            to=to_email,
            subject=subject,
            text=text,
            html=html,
        )


password_reset = auth_views.PasswordResetView.as_view(form_class=OutboxPasswordResetForm)
