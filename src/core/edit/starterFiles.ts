/**
 * The starter glossary and facts ledger that "Glossa: Create Glossary" writes into a
 * folder: valid, empty lists, with comments that say the format, and one example entry
 * of each kept in comments so nothing made up is ever matched or verified.
 */

/** The text of a new glossary.yaml. */
export const STARTER_GLOSSARY = `# Glossa glossary: the people, bodies and places Glossa knows in this folder.
#
# Every mention of an entry in the articles (.txt and .md files) is highlighted
# and linked to it: hover a name to see its card. Save this file and the articles
# update at once; a mistake shows up in the Problems panel at its line.
#
# An entry (remove the # signs to use it):
#
#  - id: nguyen-van-an       # required, unique, kebab-case
#    kind: person            # required: person, body or place
#    name: Nguyễn Văn An     # required: the canonical spelling, what Normalize writes
#    aliases: [Nguyen Van An]  # other spellings, normalized to the name
#    aka: [Mr An]            # other names: linked, never rewritten
#    titles: [Minister of Culture]
#    description: A made-up minister, to show the format
#    country: VN             # ISO 3166 two-letter code

entities: []
`;

/** The text of a new facts.yaml. */
export const STARTER_FACTS = `# Glossa facts ledger: the figures someone has checked, with where they come from.
#
# Every number in the articles that is not a year, a date or a time is a claim;
# a claim no fact verifies is shown as a warning with the value Glossa read.
#
# A fact (remove the # signs to use it):
#
#  - id: exports-2024
#    value: USD 1.2 billion          # written as in a text
#    about: Exports of the example province, 2024
#    keywords: [exports]             # optional; one must occur in the same sentence
#    source: Provincial statistics office, January 2025
#    status: verified                # verified or disputed

facts: []
`;
