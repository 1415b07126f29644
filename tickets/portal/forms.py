"""The customer's forms. What makes a valid ticket is the API's serializer: one rule for both doors."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tickets.models import BODY_MAX, SUBJECT_MAX
from tickets.serializers import TicketCreateInputSerializer


class TicketForm(forms.Form):
    subject = forms.CharField(max_length=SUBJECT_MAX, label=_("Subject"))
    body = forms.CharField(
        max_length=BODY_MAX, label=_("Your message"), widget=forms.Textarea(attrs={"rows": 8})
    )
    customer_email = forms.EmailField(max_length=254, label=_("Your email address"))

    def clean(self):
        # The browser's copy of the rules (required, maxlength) is a convenience; the
        # serializer the API uses decides, so a form post and an API call agree.
        raw = {name: self.data.get(name, "") for name in self.fields}
        serializer = TicketCreateInputSerializer(data=raw)
        if serializer.is_valid():
            return dict(serializer.validated_data)
        for name, errors in serializer.errors.items():
            if name in self.fields and name not in self.errors:
                for error in errors:
                    self.add_error(name, str(error))
        return self.cleaned_data


class ReplyForm(forms.Form):
    body = forms.CharField(
        max_length=BODY_MAX, label=_("Write to us"), widget=forms.Textarea(attrs={"rows": 5})
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        max_length=BODY_MAX,
        required=False,
        label=_("What is still wrong? (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
