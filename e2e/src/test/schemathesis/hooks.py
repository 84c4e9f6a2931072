"""Schemathesis's session: a user of its own, signed up afresh whenever the API ends the session
(a sign-out or a password change among the generated requests answers 401 from then on)."""

import os
import uuid

import requests
import schemathesis


@schemathesis.auth(refresh_interval=3600)
class FreshUser:
    def get(self, case, context):
        answer = requests.post(
            os.environ["TICKETING_URL"] + "/api/users/signup",
            json={"email": f"st-{uuid.uuid4()}@example.com", "password": "schemathesis"},
            timeout=30,
        )
        answer.raise_for_status()
        return answer.cookies["session"]

    def set(self, case, data, context):
        case.cookies = {**(case.cookies or {}), "session": data}
