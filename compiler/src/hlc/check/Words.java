package hlc.check;

/** Small pieces of English for messages. */
final class Words {
    private Words() {}

    /** "a" or "an" before a word, by its first letter ("an app", "an export", "a host"). */
    static String article(String word) {
        return !word.isEmpty() && "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }
}
