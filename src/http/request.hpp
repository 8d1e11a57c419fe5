#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jz::http {

// One parsed HTTP request as handed to a Handler. Filled in by the server; handlers only read it.
struct Request {
  std::string method;
  std::string target;  // raw request-target as received, e.g. "/cases?q=%E6%9D%8E"
  std::string path;    // percent-decoded path without query
  std::multimap<std::string, std::string> query;             // decoded params
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;

  std::string header(std::string_view name) const;  // "" if absent
  std::string param(std::string_view name) const;
  // A field of a submitted form (an application/x-www-form-urlencoded body); "" when the
  // body is of another type, malformed, or has no such field.
  std::string form_field(std::string_view name) const;
  // Every field of a submitted form; fields of one name keep the order they were sent in.
  // Empty when form_field() would find nothing.
  std::multimap<std::string, std::string> form() const;
  // A cookie sent with the request; "" when absent.
  std::string cookie(std::string_view name) const;
};

}  // namespace jz::http
