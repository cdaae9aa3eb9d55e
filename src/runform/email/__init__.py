"""The email edition: each tip as a ready-to-send email, delivered at most once.

- `settings`: `extra.runform.email` (the list, the sender, SMTP, the subscribe form);
- `render`: a tip -> MJML (Jinja templates in `templates/email/`) -> HTML (`mjml-python`) with
  its CSS inlined (`css-inline`); `plain_text`: the text/plain part, written from the tip;
- `message`: both parts -> one deterministic `multipart/alternative` message (`.eml`);
- `delivery`: which tips are new since the live site's feed, and SMTP;
- `command`: `runform email` (render, preview) and `runform email send`.

Importing this package loads nothing heavy: the settings group is imported by
`runform.settings`, everything else only by the command.
"""
