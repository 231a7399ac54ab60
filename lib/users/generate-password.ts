import { randomInt } from "node:crypto";

// No 0/O, 1/l/I: generated passwords are read off a screen and typed.
const ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const LENGTH = 20; // about 116 bits

/** A random password for a new account, shown to the administrator once. */
export function generatePassword(): string {
  let password = "";
  for (let i = 0; i < LENGTH; i++) password += ALPHABET[randomInt(ALPHABET.length)];
  return password;
}
