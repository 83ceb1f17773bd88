"""A small Python client for the Conversations gRPC api, built from the contract alone.

It needs Debian's python3-grpcio, python3-protobuf and protobuf-compiler, nothing from pip:

* load_protos() runs protoc on api/Protos/conversations/v1/conversations.proto (and on our google.rpc subset in
  protos/) into a temporary directory and imports the generated message classes. Nothing generated is committed.
* ConversationsClient calls a method by its full gRPC name with the request and response classes the contract names
  (XxxRequest -> XxxResponse), so no generated service stubs (grpc_tools) are needed.
* A failed call raises ApiError, which carries the gRPC status and the google.rpc.ErrorInfo the api puts in the
  `grpc-status-details-bin` trailer: reason, domain and metadata such as whatsapp_code.
"""

import atexit
import importlib
import os
import shutil
import subprocess
import sys
import tempfile

import grpc
from google.protobuf import any_pb2, descriptor_pb2, timestamp_pb2

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CONTRACT_DIR = os.path.join(REPO_ROOT, "api", "Protos")
CONTRACT = "conversations/v1/conversations.proto"
ERROR_DETAILS_DIR = os.path.join(HERE, "protos")
ERROR_DETAILS = "google/rpc/error_details_subset.proto"
PACKAGE = "conversations.v1"


def load_protos(contract_dir=CONTRACT_DIR):
    """Generates the message classes with protoc and returns (conversations_pb2, error_details_pb2).

    The contract imports google/protobuf/timestamp.proto. Debian ships that file in libprotobuf-dev, which we do not
    need: the protobuf runtime already knows it, so we hand protoc its descriptor (--descriptor_set_in) instead.
    """
    protoc = shutil.which("protoc")
    if protoc is None:
        raise RuntimeError("protoc is not on PATH; install Debian's protobuf-compiler.")

    out_dir = tempfile.mkdtemp(prefix="conversations-pb2-")
    atexit.register(shutil.rmtree, out_dir, ignore_errors=True)

    well_known = descriptor_pb2.FileDescriptorSet()
    for module in (timestamp_pb2, any_pb2):
        module.DESCRIPTOR.CopyToProto(well_known.file.add())
    well_known_path = os.path.join(out_dir, "well_known_types.pb")
    with open(well_known_path, "wb") as f:
        f.write(well_known.SerializeToString())

    command = [
        protoc,
        f"--descriptor_set_in={well_known_path}",
        f"--proto_path={contract_dir}",
        f"--proto_path={ERROR_DETAILS_DIR}",
        f"--python_out={out_dir}",
        CONTRACT,
        ERROR_DETAILS,
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"protoc failed ({' '.join(command)}):\n{result.stderr}")

    sys.path.insert(0, out_dir)
    conversations_pb2 = importlib.import_module("conversations.v1.conversations_pb2")
    error_details_pb2 = importlib.import_module("google.rpc.error_details_subset_pb2")
    return conversations_pb2, error_details_pb2


pb, error_details = load_protos()


class ApiError(Exception):
    """A call that failed: its gRPC status, and the api's ErrorInfo when it sent one (every refusal does)."""

    def __init__(self, method, code, details, error_info):
        self.method = method
        self.code = code                      # a grpc.StatusCode, e.g. grpc.StatusCode.FAILED_PRECONDITION
        self.details = details                # the status message, for people
        self.error_info = error_info          # google.rpc.ErrorInfo, or None (e.g. the api was unreachable)
        self.reason = error_info.reason if error_info else ""
        self.domain = error_info.domain if error_info else ""
        self.metadata = dict(error_info.metadata) if error_info else {}
        super().__init__(f"{method}: {code.name} {self.reason or '(no ErrorInfo)'}: {details}")

    @classmethod
    def from_rpc_error(cls, method, error):
        return cls(method, error.code(), error.details(), _error_info(error))


def _error_info(error):
    """Unpacks the ErrorInfo from the google.rpc.Status in the `grpc-status-details-bin` trailer, if any."""
    for key, value in error.trailing_metadata() or ():
        if key != "grpc-status-details-bin":
            continue
        status = error_details.Status.FromString(value)
        for detail in status.details:  # Any, type_url "type.googleapis.com/google.rpc.ErrorInfo"
            if detail.Is(error_details.ErrorInfo.DESCRIPTOR):
                info = error_details.ErrorInfo()
                detail.Unpack(info)
                return info
    return None


class ConversationsClient:
    """One channel to the api. call() reaches any method; the helpers below cover the usual first steps."""

    def __init__(self, address, timeout_seconds=10.0, token=None):
        # The api speaks HTTP/2 without TLS (h2c); grpc wants host:port, not a URL.
        for scheme in ("http://", "dns:///"):
            if address.startswith(scheme):
                address = address[len(scheme):]
        self.address = address.rstrip("/")
        self.timeout_seconds = timeout_seconds
        # A bearer token on every call; an api in development mode needs none.
        self._metadata = (("authorization", f"Bearer {token}"),) if token else None
        self._channel = grpc.insecure_channel(self.address)

    def close(self):
        self._channel.close()

    def wait_until_reachable(self, timeout_seconds):
        """Raises grpc.FutureTimeoutError when no connection could be made in time."""
        grpc.channel_ready_future(self._channel).result(timeout=timeout_seconds)

    def call(self, service, method, request):
        """Calls /conversations.v1.<service>/<method>; the response class is <method>Response, as in the contract."""
        full_name = f"/{PACKAGE}.{service}/{method}"
        response_class = getattr(pb, f"{method}Response")
        stub = self._channel.unary_unary(
            full_name,
            request_serializer=type(request).SerializeToString,
            response_deserializer=response_class.FromString,
        )
        try:
            return stub(request, timeout=self.timeout_seconds, metadata=self._metadata)
        except grpc.RpcError as error:
            raise ApiError.from_rpc_error(full_name, error) from None

    def register_business_number(self, business_number_id, waba_id):
        request = pb.RegisterBusinessNumberRequest(business_number_id=business_number_id, waba_id=waba_id)
        return self.call("BusinessNumbersService", "RegisterBusinessNumber", request).business_number

    def record_inbound(self, business_number_id, customer, message_id, sent_at, text):
        """sent_at: a timezone-aware datetime, when the customer wrote."""
        request = pb.RecordInboundRequest(
            business_number_id=business_number_id, customer=customer, message_id=message_id, type="text", text=text)
        request.sent_at.FromDatetime(sent_at)
        return self.call("ConversationsService", "RecordInbound", request).conversation

    def send_text(self, business_number_id, customer, body, idempotency_key):
        request = pb.SendRequest(
            business_number_id=business_number_id, customer=customer, idempotency_key=idempotency_key,
            text=pb.TextContent(body=body))
        return self.call("ConversationsService", "Send", request).receipt

    def get_conversation(self, business_number_id, customer):
        request = pb.GetConversationRequest(business_number_id=business_number_id, customer=customer)
        return self.call("ConversationsService", "GetConversation", request).conversation
