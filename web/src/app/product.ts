/** The product name. It is a name, not a word, so it is the same in every language. */
export const PRODUCT_NAME = 'Tovholder';
