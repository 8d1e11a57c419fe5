#include "mirror/keyring.hpp"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "core/sodium_init.hpp"
#include "mirror/base64.hpp"

namespace jz::mirror {

namespace {

constexpr std::string_view kEndorsementPrefix = "jianzheng key endorsement/1\n";

std::string key_bytes(const PublicKey& k) {
  return std::string(reinterpret_cast<const char*>(k.data()), k.size());
}

// A string member of a keys.json entry; "" when absent.
Result<std::string> text_field(const nlohmann::json& entry, const char* name, bool required,
                               const std::string& where) {
  auto it = entry.find(name);
  if (it == entry.end()) {
    if (required) return Status::corrupt(where + ": \"" + name + "\" is missing");
    return std::string();
  }
  if (!it->is_string()) return Status::corrupt(where + ": \"" + name + "\" is not a string");
  return it->get<std::string>();
}

Result<KeyEntry> parse_entry(const nlohmann::json& j, const std::string& where) {
  if (!j.is_object()) return Status::corrupt(where + ": not an object");
  KeyEntry e;
  auto fp = text_field(j, "fingerprint", true, where);
  auto pk = text_field(j, "public_key", true, where);
  auto created = text_field(j, "created", true, where);
  auto retired = text_field(j, "retired", false, where);
  auto endorsement = text_field(j, "endorsement", false, where);
  for (const Status* s :
       {&fp.status(), &pk.status(), &created.status(), &retired.status(), &endorsement.status()})
    if (!s->is_ok()) return *s;
  auto raw = base64_decode(*pk);
  if (!raw || raw->size() != e.public_key.size())
    return Status::corrupt(where + ": \"public_key\" is not 32 bytes of base64");
  std::copy(raw->begin(), raw->end(), e.public_key.begin());
  e.fingerprint = fingerprint(e.public_key);
  if (*fp != e.fingerprint)
    return Status::corrupt(where + ": the fingerprint " + *fp + " does not belong to its key (" +
                           e.fingerprint + ")");
  if (!utc_seconds(*created) || (!retired->empty() && !utc_seconds(*retired)))
    return Status::corrupt(where + ": a time is not of the form YYYY-MM-DDTHH:MM:SSZ");
  e.created = *created;
  e.retired = *retired;
  if (!endorsement->empty()) {
    auto sig = base64_decode(*endorsement);
    if (!sig || sig->size() != crypto_sign_BYTES)
      return Status::corrupt(where + ": \"endorsement\" is not a base64 signature");
    e.endorsement = *sig;
  }
  return e;
}

}  // namespace

int Keyring::find(std::string_view fp) const {
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i].fingerprint == fp) return static_cast<int>(i);
  return -1;
}

std::string endorsement_message(const PublicKey& next) {
  return std::string(kEndorsementPrefix) + key_bytes(next);
}

Result<Keyring> parse_keyring(std::string_view json, const std::string& where) {
  init_sodium();
  auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::corrupt(where + ": not a JSON object; the keyring is damaged");
  if (j.value("format", "") != kKeyringFormat)
    return Status::corrupt(where + ": \"format\" is not \"" + std::string(kKeyringFormat) + "\"");
  auto list = j.find("keys");
  if (list == j.end() || !list->is_array() || list->empty())
    return Status::corrupt(where + ": \"keys\" is not a list of at least one key");
  Keyring ring;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string at = where + ": key " + std::to_string(i + 1);
    auto e = parse_entry((*list)[i], at);
    if (!e) return e.status();
    const bool last = i + 1 == list->size();
    if (last != e->retired.empty())
      return Status::corrupt(at + (last ? ": the last key is the current one and cannot be retired"
                                        : ": an earlier key must be retired"));
    if (i == 0 && !e->endorsement.empty())
      return Status::corrupt(at + ": the first key has nothing to be endorsed by");
    if (i > 0) {
      const auto msg = endorsement_message(e->public_key);
      if (e->endorsement.empty() ||
          crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(e->endorsement.data()),
                                      reinterpret_cast<const unsigned char*>(msg.data()),
                                      msg.size(), ring.keys.back().public_key.data()) != 0)
        return Status::corrupt(at + " (" + e->fingerprint +
                               ") is not endorsed by the key before it");
    }
    if (ring.find(e->fingerprint) >= 0)
      return Status::corrupt(at + ": the key " + e->fingerprint + " is listed twice");
    ring.keys.push_back(std::move(*e));
  }
  return ring;
}

std::string keyring_json(const Keyring& ring) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& k : ring.keys) {
    nlohmann::ordered_json e;
    e["fingerprint"] = k.fingerprint;
    e["public_key"] = base64_encode(key_bytes(k.public_key));
    e["created"] = k.created;
    if (!k.retired.empty()) e["retired"] = k.retired;
    if (!k.endorsement.empty()) e["endorsement"] = base64_encode(k.endorsement);
    list.push_back(std::move(e));
  }
  nlohmann::ordered_json j;
  j["format"] = kKeyringFormat;
  j["keys"] = std::move(list);
  return j.dump(2) + "\n";
}

}  // namespace jz::mirror
