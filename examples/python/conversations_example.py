#!/usr/bin/python3
"""Walks through the Conversations api from Python, using only the contract (api/Protos) and Debian's packages.

    /usr/bin/python3 examples/python/conversations_example.py --address 127.0.0.1:5000

1. registers a fresh business number to a WABA,
2. records an inbound message from a customer, which opens the 24-hour customer service window
   (with --simulator, the customer also writes to the api's local Meta simulator: like Meta, it refuses free-form
   messages to a customer who never wrote to it),
3. sends that customer a free-form text, accepted as FREE_FORM,
4. reads the window back,
5. records an inbound from a second customer 25 hours ago, so their window is closed,
6. tries a free-form text to them and handles the refusal through its google.rpc.ErrorInfo:
   FAILED_PRECONDITION, reason WINDOW_CLOSED, whatsapp_code 131047.

Every id is fresh, so it can run again against the same api. Exit codes: 0 everything behaved as README.md documents,
1 something did not (the message says what), 3 the api could not be reached.
"""

import argparse
import json
import os
import random
import sys
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone

sys.dont_write_bytecode = True  # keep examples/python free of __pycache__

import grpc

from conversations_client import ApiError, ConversationsClient, pb


class NotAsDocumented(Exception):
    pass


def expect(condition, what):
    if not condition:
        raise NotAsDocumented(what)


def digits(count):
    return str(random.randint(1, 9)) + "".join(random.choice("0123456789") for _ in range(count - 1))


def show_time(timestamp):
    return timestamp.ToDatetime(tzinfo=timezone.utc).isoformat(timespec="seconds")


def describe(conversation):
    if conversation.window_open:
        window = f"open until {show_time(conversation.window_expires_at)}"
    else:
        window = f"closed since {show_time(conversation.window_closed_at)} (templates only)"
    return f"customer {conversation.customer}: window {window}, last inbound {show_time(conversation.last_inbound_at)}"


def customer_writes_to_simulator(simulator_url, number, waba, customer, sent_at, text):
    """POST /simulator/inbound (meta/README.md): the simulated Meta opens its own window for the pair, then posts the
    signed webhook to the api, which records the same message a second time. Its timestamp is in whole seconds, so it
    is no later than ours and moves neither the window nor the last inbound."""
    body = json.dumps({"phone_number_id": number, "waba_id": waba, "from": customer.lstrip("+"),
                       "text": text, "timestamp": int(sent_at.timestamp())}).encode()
    request = urllib.request.Request(f"{simulator_url.rstrip('/')}/simulator/inbound", data=body,
                                     headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            answer = json.load(response)
    except OSError as error:
        raise NotAsDocumented(f"the Meta simulator at {simulator_url} did not take the inbound: {error}")
    expect(answer.get("webhook_delivered") is True, f"the simulator's webhook did not reach the api: {answer}")
    return answer["messages"][0]["id"]


def walk_through(client, simulator_url):
    number = digits(15)          # Meta's phone number id
    waba = digits(15)            # the WhatsApp Business Account it belongs to
    customer = "+1650555" + digits(4)
    late_customer = "+1650555" + digits(4)
    while late_customer == customer:
        late_customer = "+1650555" + digits(4)
    now = datetime.now(timezone.utc)

    print(f"1. RegisterBusinessNumber {number} to WABA {waba}")
    registered = client.register_business_number(number, waba)
    expect(registered.business_number_id == number and registered.waba_id == waba,
           f"the response names number {registered.business_number_id!r}, WABA {registered.waba_id!r}")
    print(f"   registered; portfolio {registered.portfolio_id}, {registered.throughput_per_second} messages/s,"
          f" {pb.QualityRating.Name(registered.quality_rating)}")

    print(f"2. RecordInbound: {customer} writes now")
    conversation = client.record_inbound(number, customer, f"wamid.py-{uuid.uuid4().hex}", now, "Where is my order?")
    print(f"   {describe(conversation)}")
    expect(conversation.window_open, "the window is not open after an inbound message sent now")
    expires = conversation.window_expires_at.ToDatetime(tzinfo=timezone.utc)
    expect(abs(expires - (now + timedelta(hours=24))) < timedelta(seconds=2),
           f"the window ends at {expires.isoformat()}, not 24 hours after the inbound ({now.isoformat()})")
    if simulator_url:
        wamid = customer_writes_to_simulator(simulator_url, number, waba, customer, now, "Where is my order?")
        print(f"   the same customer wrote to the Meta simulator too ({wamid}), so it will accept the reply")

    print(f"3. Send a free-form text to {customer}")
    try:
        receipt = client.send_text(number, customer, "Let me check that for you.", idempotency_key=str(uuid.uuid4()))
    except ApiError as error:
        if error.reason == "META_REJECTED" and error.metadata.get("whatsapp_code") == "131047" and not simulator_url:
            raise NotAsDocumented(
                f"{error}. We opened the window, but Meta (or the api's local Meta simulator) has not seen this customer"
                " write; against the simulator, pass --simulator URL (Conversations__Meta__Simulator__Url).") from None
        raise
    print(f"   accepted {pb.MessageKind.Name(receipt.kind)} message {receipt.message_id},"
          f" status {pb.MessageStatus.Name(receipt.status)}")
    expect(receipt.kind == pb.MESSAGE_KIND_FREE_FORM, "the send was not accepted as FREE_FORM")
    expect(receipt.message_id and not receipt.replayed, "the receipt has no message id or says it was replayed")

    print(f"4. GetConversation {number} / {customer}")
    conversation = client.get_conversation(number, customer)
    print(f"   {describe(conversation)}")
    expect(conversation.window_open, "GetConversation says the window is closed")
    expect(abs(conversation.last_inbound_at.ToDatetime(tzinfo=timezone.utc) - now) < timedelta(seconds=1),
           "GetConversation's last inbound is not the message recorded in step 2")

    print(f"5. RecordInbound: {late_customer} wrote 25 hours ago")
    conversation = client.record_inbound(
        number, late_customer, f"wamid.py-{uuid.uuid4().hex}", now - timedelta(hours=25), "Hello?")
    print(f"   {describe(conversation)}")
    expect(not conversation.window_open, "the window is open although the customer last wrote 25 hours ago")

    print(f"6. Send a free-form text to {late_customer}: expect a refusal")
    try:
        receipt = client.send_text(number, late_customer, "Sorry for the wait.", idempotency_key=str(uuid.uuid4()))
    except ApiError as refusal:
        print(f"   refused: {refusal.code.name}, reason {refusal.reason}, domain {refusal.domain}")
        print(f"   {refusal.details}")
        for key, value in sorted(refusal.metadata.items()):
            print(f"     {key}={value}")
        expect(refusal.error_info is not None, "the refusal carries no google.rpc.ErrorInfo")
        expect(refusal.code == grpc.StatusCode.FAILED_PRECONDITION,
               f"the refusal is {refusal.code.name}, not FAILED_PRECONDITION")
        expect(refusal.reason == "WINDOW_CLOSED", f"the reason is {refusal.reason!r}, not WINDOW_CLOSED")
        expect(refusal.domain == "conversations.v1", f"the domain is {refusal.domain!r}, not conversations.v1")
        expect(refusal.metadata.get("whatsapp_code") == "131047",
               f"whatsapp_code is {refusal.metadata.get('whatsapp_code')!r}, not 131047")
        expect("window_closed_at" in refusal.metadata, "the refusal's metadata has no window_closed_at")
    else:
        raise NotAsDocumented(f"a free-form send to a closed window was accepted ({receipt.message_id})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--address", default=os.environ.get("CONVERSATIONS_ADDRESS", "localhost:5000"),
                        help="the api's gRPC address, host:port (default $CONVERSATIONS_ADDRESS or localhost:5000)")
    parser.add_argument("--simulator", default=os.environ.get("CONVERSATIONS_SIMULATOR", ""),
                        help="the api's local Meta simulator, e.g. http://127.0.0.1:5081 (default $CONVERSATIONS_SIMULATOR;"
                             " leave it out when the api sends to Meta)")
    parser.add_argument("--token", default=os.environ.get("CONVERSATIONS_TOKEN", ""),
                        help="bearer token (default $CONVERSATIONS_TOKEN); an api in development mode needs none")
    args = parser.parse_args()

    client = ConversationsClient(args.address, token=args.token or None)
    print(f"Connecting to the Conversations api at {client.address}")
    try:
        client.wait_until_reachable(timeout_seconds=10)
    except grpc.FutureTimeoutError:
        print(f"FAILED: no gRPC server answered at {client.address} within 10 s.", file=sys.stderr)
        return 3

    try:
        walk_through(client, args.simulator)
    except NotAsDocumented as failure:
        print(f"FAILED: not as documented: {failure}", file=sys.stderr)
        return 1
    except ApiError as error:
        print(f"FAILED: unexpected error from {error}", file=sys.stderr)
        for key, value in sorted(error.metadata.items()):
            print(f"  {key}={value}", file=sys.stderr)
        return 3 if error.code == grpc.StatusCode.UNAVAILABLE and error.error_info is None else 1
    finally:
        client.close()

    print("OK: registered, recorded, sent, read the window and handled WINDOW_CLOSED through its ErrorInfo.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
