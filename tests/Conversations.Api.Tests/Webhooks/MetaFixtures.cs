namespace Conversations.Api.Tests.Webhooks;

/// <summary>
/// The webhook payloads of the shared spec (spec/fixtures/*.json), verbatim; send-response.json is a Cloud API answer, not a
/// webhook, and belongs to the client's tests. Tests rewrite ids and numbers so they never share a conversation.
/// </summary>
public static class MetaFixtures
{
    /// <summary>inbound-text.json</summary>
    public const string InboundText = """
        {
          "object": "whatsapp_business_account",
          "entry": [
            {
              "id": "102290129340398",
              "changes": [
                {
                  "value": {
                    "messaging_product": "whatsapp",
                    "metadata": { "display_phone_number": "15550783881", "phone_number_id": "106540352242922" },
                    "contacts": [ { "profile": { "name": "Sheena Nelson" }, "wa_id": "16505551234" } ],
                    "messages": [
                      {
                        "from": "16505551234",
                        "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                        "timestamp": "1749416383",
                        "type": "text",
                        "text": { "body": "Does it come in another color?" }
                      }
                    ]
                  },
                  "field": "messages"
                }
              ]
            }
          ]
        }
        """;

    /// <summary>status-sent-marketing.json</summary>
    public const string StatusSentMarketing = """
        {
          "object": "whatsapp_business_account",
          "entry": [
            {
              "id": "102290129340398",
              "changes": [
                {
                  "value": {
                    "messaging_product": "whatsapp",
                    "metadata": { "display_phone_number": "15550783881", "phone_number_id": "106540352242922" },
                    "statuses": [
                      {
                        "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=",
                        "status": "sent",
                        "timestamp": "1750030073",
                        "recipient_id": "16505551234",
                        "conversation": {
                          "id": "72b14d6bd5407799e66f64d1b338e567",
                          "expiration_timestamp": "1750116480",
                          "origin": { "type": "marketing" }
                        },
                        "pricing": { "billable": true, "pricing_model": "PMP", "type": "regular", "category": "marketing" }
                      }
                    ]
                  },
                  "field": "messages"
                }
              ]
            }
          ]
        }
        """;

    /// <summary>status-failed-131049.json</summary>
    public const string StatusFailed131049 = """
        {
          "object": "whatsapp_business_account",
          "entry": [
            {
              "id": "102290129340398",
              "changes": [
                {
                  "value": {
                    "messaging_product": "whatsapp",
                    "metadata": { "display_phone_number": "15550783881", "phone_number_id": "106540352242922" },
                    "statuses": [
                      {
                        "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA",
                        "status": "failed",
                        "timestamp": "1751142888",
                        "recipient_id": "16505551234",
                        "errors": [
                          {
                            "code": 131049,
                            "title": "This message was not delivered to maintain healthy ecosystem engagement.",
                            "message": "This message was not delivered to maintain healthy ecosystem engagement.",
                            "error_data": { "details": "In order to maintain a healthy ecosystem engagement, the message failed to be delivered." }
                          }
                        ]
                      }
                    ]
                  },
                  "field": "messages"
                }
              ]
            }
          ]
        }
        """;

    /// <summary>template-status-approved.json</summary>
    public const string TemplateStatusApproved = """
        {
          "object": "whatsapp_business_account",
          "entry": [
            {
              "id": "102290129340398",
              "time": 1751247548,
              "changes": [
                {
                  "value": {
                    "event": "APPROVED",
                    "message_template_id": 1689556908129832,
                    "message_template_name": "order_confirmation",
                    "message_template_language": "en_US",
                    "reason": "NONE",
                    "message_template_category": "UTILITY"
                  },
                  "field": "message_template_status_update"
                }
              ]
            }
          ]
        }
        """;

    /// <summary>2026/call_connect_user_initiated.json: a customer calls the business.</summary>
    public const string CallConnectUserInitiated = """
        {
          "object": "whatsapp_business_account",
          "entry": [
            {
              "id": "102290129340398",
              "changes": [
                {
                  "field": "calls",
                  "value": {
                    "messaging_product": "whatsapp",
                    "metadata": {
                      "display_phone_number": "15550783881",
                      "phone_number_id": "106540352242922"
                    },
                    "contacts": [
                      {
                        "profile": { "name": "Test Name" },
                        "wa_id": "16315551181",
                        "user_id": "US.13491208655302741918"
                      }
                    ],
                    "calls": [
                      {
                        "id": "wacid.HBgLMTYzMTU1NTExODEVAgARGBIwMDAwMDAwMDAwMDAwMDAwMDEA",
                        "from": "16315551181",
                        "to": "15550783881",
                        "event": "connect",
                        "timestamp": "1788000120",
                        "direction": "USER_INITIATED",
                        "session": { "sdp_type": "offer", "sdp": "<RFC 8866 SDP offer>" }
                      }
                    ]
                  }
                }
              ]
            }
          ]
        }
        """;

    /// <summary>2026/inbound_text_username_only.json: a customer with a username writes; no phone number anywhere.</summary>
    public const string InboundTextUsernameOnly = """
        {
          "object": "whatsapp_business_account",
          "entry": [
            {
              "id": "102290129340398",
              "changes": [
                {
                  "field": "messages",
                  "value": {
                    "messaging_product": "whatsapp",
                    "metadata": {
                      "display_phone_number": "15550783881",
                      "phone_number_id": "106540352242922"
                    },
                    "contacts": [
                      {
                        "profile": { "name": "Sheena", "username": "@sheena" },
                        "user_id": "US.13491208655302741918"
                      }
                    ],
                    "messages": [
                      {
                        "from_user_id": "US.13491208655302741918",
                        "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTJBMDAwMDAwMDAwMDAwMDAwMQA=",
                        "timestamp": "1788000000",
                        "type": "text",
                        "text": { "body": "Hi, is my order shipped?" }
                      }
                    ]
                  }
                }
              ]
            }
          ]
        }
        """;

    /// <summary>2026/inbound_text_phone_and_bsuid.json: a customer with a username whose phone number Meta still shows, with a parent BSUID.</summary>
    public const string InboundTextPhoneAndBsuid = """
        {
          "object": "whatsapp_business_account",
          "entry": [
            {
              "id": "102290129340398",
              "changes": [
                {
                  "field": "messages",
                  "value": {
                    "messaging_product": "whatsapp",
                    "metadata": {
                      "display_phone_number": "15550783881",
                      "phone_number_id": "106540352242922"
                    },
                    "contacts": [
                      {
                        "profile": { "name": "Test Name", "username": "@testname" },
                        "wa_id": "16315551181",
                        "user_id": "US.13491208655302741918",
                        "parent_user_id": "US.ENT.11815799212886844830"
                      }
                    ],
                    "messages": [
                      {
                        "from": "16315551181",
                        "from_user_id": "US.13491208655302741918",
                        "from_parent_user_id": "US.ENT.11815799212886844830",
                        "id": "wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTJBMDAwMDAwMDAwMDAwMDAwMgA=",
                        "timestamp": "1788000060",
                        "context": { "from": "15550783881", "id": "wamid.HBgLMTYzMTU1NTExODEVAgARGBI5QUJDREVGMDEyMzQ1Njc4OQA=" },
                        "type": "text",
                        "text": { "body": "Yes, that works for me" }
                      }
                    ]
                  }
                }
              ]
            }
          ]
        }
        """;

    /// <summary>Every webhook fixture by its file name, for the test that parses them all.</summary>
    public static TheoryData<string, string> All => new()
    {
        { "inbound-text.json", InboundText },
        { "status-sent-marketing.json", StatusSentMarketing },
        { "status-failed-131049.json", StatusFailed131049 },
        { "template-status-approved.json", TemplateStatusApproved },
        { "2026/call_connect_user_initiated.json", CallConnectUserInitiated },
        { "2026/inbound_text_username_only.json", InboundTextUsernameOnly },
        { "2026/inbound_text_phone_and_bsuid.json", InboundTextPhoneAndBsuid },
    };
}
