#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  CLI::App app{"dyad: political event data from news text"};
  CLI11_PARSE(app, argc, argv);
  return 0;
}
