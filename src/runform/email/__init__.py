"""The email edition: each tip as a ready-to-send email, delivered at most once.

- `content`: a tip and the site -> everything the email shows, with full addresses;
- `render`: a tip -> MJML (Jinja templates in `templates/email/`) -> HTML (`mjml-python`) with
  its CSS inlined (`css-inline`); `plain_text`: the text/plain part, written from the tip;
- `message`: both parts -> one deterministic `multipart/alternative` message (`.eml`);
- `delivery`: which tips are new since the live site's feed, and SMTP;
- `preview`: the page showing an email light and dark at 600 and 375 px.

Its settings group is `runform.content.email_settings` (part of SiteSettings); its command
line is `runform.cli.email`.
"""
