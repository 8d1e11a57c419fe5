#pragma once
// Status and Result<T>: how errors cross module boundaries. A Status carries a code and a
// message written for the person who has to fix the problem ("file.csv:17:3: ...").
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace jz {

enum class Code { kOk, kInvalid, kNotFound, kConflict, kForbidden, kIo, kCorrupt, kInternal };

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status ok() { return Status(); }
  static Status invalid(std::string m) { return Status(Code::kInvalid, std::move(m)); }
  static Status not_found(std::string m) { return Status(Code::kNotFound, std::move(m)); }
  static Status conflict(std::string m) { return Status(Code::kConflict, std::move(m)); }
  // Not allowed for this account (web pages answer 403).
  static Status forbidden(std::string m) { return Status(Code::kForbidden, std::move(m)); }
  static Status io(std::string m) { return Status(Code::kIo, std::move(m)); }
  static Status corrupt(std::string m) { return Status(Code::kCorrupt, std::move(m)); }
  static Status internal(std::string m) { return Status(Code::kInternal, std::move(m)); }

  bool is_ok() const { return code_ == Code::kOk; }
  explicit operator bool() const { return is_ok(); }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // The same error with more said after it: "bad date" + "; nothing was imported".
  Status suffixed(const std::string& more) const {
    return is_ok() ? *this : Status(code_, message_ + more);
  }
  // The same error with more context in front: "line 3: " + "bad date".
  Status prefixed(const std::string& context) const {
    return is_ok() ? *this : Status(code_, context + message_);
  }

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status s) : v_(std::move(s)) {}     // NOLINT: implicit by design

  bool is_ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return is_ok(); }
  const Status& status() const {
    static const Status kOk;
    return is_ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace jz

// Returns early from the enclosing function when the expression is an error Status.
#define JZ_RETURN_IF_ERROR(expr)                \
  do {                                          \
    ::jz::Status jz_status_ = (expr);           \
    if (!jz_status_.is_ok()) return jz_status_; \
  } while (0)
