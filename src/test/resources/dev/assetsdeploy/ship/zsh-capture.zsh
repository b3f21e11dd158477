# Usage: zsh -f zsh-capture.zsh FUNCTION_DIR 'command line to complete'
# Types the line into an interactive zsh (zpty), presses TAB, and prints every candidate the
# completion system offers as "HIT:<candidate>". compadd is wrapped to record, not insert.
zmodload zsh/zpty || exit 2
zpty z zsh -f -i
zpty -w z "fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z 'compadd () {
  [[ ${@[1,-1]} =~ -(O|A|D) ]] && { builtin compadd "$@"; return $? }
  typeset -a __hits
  builtin compadd -A __hits "$@"
  [[ -n $__hits ]] || return
  local h
  for h in $__hits; do echo -E - "HIT:$h"; done
}'
zpty -w z "bindkey '^I' complete-word"
zpty -w z "null-line () { echo -E - \$'\\0' }"
zpty -w z "compprefuncs=( null-line )"
zpty -w z "comppostfuncs=( null-line exit )"
zpty -w z "$2"$'\t'
integer seen=0
while zpty -r z; do :; done | while IFS= read -r line; do
  if [[ $line == *$'\0\r' ]]; then (( seen++ )) && exit 0 || continue; fi
  (( seen )) && print -r -- "$line"
done
exit 0
