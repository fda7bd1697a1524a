// The API token for write endpoints: pasted by the user, kept in sessionStorage only.

const KEY = "eventcoder.token";

export function getToken() {
  try {
    return sessionStorage.getItem(KEY) || "";
  } catch (err) {
    return "";
  }
}

export function setToken(value) {
  const token = (value || "").trim();
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}

/** Wire the header's token form; `onChange` is told whether a token is set. */
export function initTokenForm(onChange = () => {}) {
  const form = document.getElementById("token-form");
  const input = document.getElementById("token-input");
  const state = document.getElementById("token-state");
  const show = () => {
    const set = Boolean(getToken());
    state.textContent = set ? "token set for this tab" : "no token";
    form.classList.toggle("has-token", set);
    onChange(set);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    setToken(input.value);
    input.value = "";
    show();
  });
  document.getElementById("token-clear").addEventListener("click", () => {
    setToken("");
    input.value = "";
    show();
  });
  show();
}

/** Draw attention to the token form (after a 401/403). */
export function askForToken() {
  const form = document.getElementById("token-form");
  form.classList.add("wanted");
  document.getElementById("token-input").focus();
}
