/**
 * The scripts `guild completion --shell SHELL` prints. Each asks
 * `guild completion --complete INDEX WORDS...` (words from `guild` on,
 * INDEX the word being completed) for the candidates.
 */
export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

export function completionScript(shell: Shell): string {
  switch (shell) {
    case "bash":
      return [
        "# guild completion for bash: add to ~/.bashrc",
        "#   eval \"$(guild completion --shell bash)\"",
        "_guild_complete() {",
        "  local IFS=$'\\n'",
        '  COMPREPLY=($(guild completion --complete "$COMP_CWORD" -- "${COMP_WORDS[@]}" 2>/dev/null))',
        '  [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null',
        "  return 0",
        "}",
        "complete -o default -F _guild_complete guild",
        "",
      ].join("\n");
    case "zsh":
      return [
        "# guild completion for zsh: add to ~/.zshrc (after compinit)",
        "#   eval \"$(guild completion --shell zsh)\"",
        "_guild_complete() {",
        "  local -a items",
        '  items=("${(@f)$(guild completion --complete $((CURRENT - 1)) -- "${words[@]}" 2>/dev/null)}")',
        "  compadd -Q -S '' -a items",
        "}",
        "compdef _guild_complete guild",
        "",
      ].join("\n");
    case "fish":
      return [
        "# guild completion for fish: save as ~/.config/fish/completions/guild.fish",
        "#   guild completion --shell fish > ~/.config/fish/completions/guild.fish",
        "complete -c guild -f -a '(guild completion --complete (count (commandline -opc)) -- (commandline -opc) (commandline -ct))'",
        "",
      ].join("\n");
  }
}
