#include "core/document.h"

namespace dyad {

std::string_view to_string(EntityType t) {
  switch (t) {
    case EntityType::person:
      return "person";
    case EntityType::organization:
      return "organization";
    case EntityType::location:
      return "location";
  }
  return "person";
}

std::string_view to_string(MentionKind k) {
  switch (k) {
    case MentionKind::person:
      return "person";
    case MentionKind::organization:
      return "organization";
    case MentionKind::country:
      return "country";
    case MentionKind::agent:
      return "agent";
    case MentionKind::location:
      return "location";
  }
  return "person";
}

std::string_view to_string(ReferenceKind k) {
  switch (k) {
    case ReferenceKind::name:
      return "name";
    case ReferenceKind::role:
      return "role";
    case ReferenceKind::pronoun:
      return "pronoun";
    case ReferenceKind::adjective:
      return "adjective";
  }
  return "name";
}

std::string_view to_string(EventMode m) {
  switch (m) {
    case EventMode::happened:
      return "happened";
    case EventMode::expected:
      return "expected";
    case EventMode::negated:
      return "negated";
    case EventMode::possible:
      return "possible";
  }
  return "happened";
}

}  // namespace dyad
