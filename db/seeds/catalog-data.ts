/** The vocabulary the demo catalog is generated from. Item tuples are [noun, min price €, max price €]. */

export type Item = readonly [noun: string, minEuros: number, maxEuros: number];

export interface LeafCategory {
  slug: string;
  name: string;
  items: readonly Item[];
}

export interface TopCategory {
  slug: string;
  name: string;
  children: readonly LeafCategory[];
}

// prettier-ignore
export const CATEGORY_TREE: readonly TopCategory[] = [
  { slug: 'electronics', name: 'Electronics', children: [
    { slug: 'phones', name: 'Phones & Accessories', items: [
      ['Smartphone', 199, 999], ['Phone Case', 9, 39], ['Wireless Charger', 19, 59],
      ['Power Bank', 19, 79]] },
    { slug: 'laptops', name: 'Laptops', items: [
      ['Laptop', 499, 2199], ['Laptop Sleeve', 15, 49], ['Docking Station', 59, 249],
      ['USB-C Hub', 19, 89]] },
    { slug: 'audio', name: 'Audio', items: [
      ['Wireless Headphones', 49, 399], ['Earbuds', 29, 249], ['Bluetooth Speaker', 29, 299],
      ['Soundbar', 99, 699]] },
    { slug: 'cameras', name: 'Cameras', items: [
      ['Mirrorless Camera', 499, 2499], ['Action Camera', 99, 499], ['Camera Tripod', 19, 149],
      ['Camera Bag', 29, 129]] },
    { slug: 'smart-home', name: 'Smart Home', items: [
      ['Smart Plug', 12, 39], ['Smart Bulb', 9, 49], ['Video Doorbell', 59, 199],
      ['Smart Thermostat', 89, 249]] },
  ] },
  { slug: 'home-kitchen', name: 'Home & Kitchen', children: [
    { slug: 'cookware', name: 'Cookware', items: [
      ['Frying Pan', 19, 129], ['Saucepan', 19, 99], ['Dutch Oven', 49, 299], ["Chef's Knife", 19, 199]] },
    { slug: 'small-appliances', name: 'Small Appliances', items: [
      ['Coffee Grinder', 25, 199], ['Electric Kettle', 19, 129], ['Toaster', 25, 149],
      ['Blender', 39, 299]] },
    { slug: 'furniture', name: 'Furniture', items: [
      ['Side Table', 49, 249], ['Bookshelf', 79, 399], ['Desk Chair', 89, 499], ['Floor Lamp', 39, 249]] },
    { slug: 'bedding', name: 'Bedding', items: [
      ['Duvet Cover', 29, 129], ['Pillow', 15, 79], ['Throw Blanket', 19, 99], ['Fitted Sheet', 15, 69]] },
  ] },
  { slug: 'fashion', name: 'Fashion', children: [
    { slug: 'men', name: 'Men', items: [
      ['T-Shirt', 12, 49], ['Chinos', 29, 99], ['Hoodie', 29, 119], ['Wool Sweater', 49, 199]] },
    { slug: 'women', name: 'Women', items: [
      ['Summer Dress', 29, 149], ['Blouse', 19, 89], ['Cardigan', 29, 129], ['Jeans', 29, 149]] },
    { slug: 'shoes', name: 'Shoes', items: [
      ['Running Shoes', 49, 179], ['Sneakers', 39, 159], ['Leather Boots', 89, 299], ['Sandals', 19, 99]] },
    { slug: 'bags', name: 'Bags', items: [
      ['Backpack', 29, 179], ['Tote Bag', 15, 89], ['Weekender Bag', 59, 249], ['Wallet', 15, 99]] },
  ] },
  { slug: 'sports-outdoors', name: 'Sports & Outdoors', children: [
    { slug: 'cycling', name: 'Cycling', items: [
      ['Bike Helmet', 29, 199], ['Bike Light Set', 15, 79], ['Cycling Gloves', 12, 49],
      ['Water Bottle', 7, 29]] },
    { slug: 'camping', name: 'Camping', items: [
      ['Tent', 59, 499], ['Sleeping Bag', 39, 299], ['Camping Stove', 25, 149], ['Headlamp', 12, 79]] },
    { slug: 'fitness', name: 'Fitness', items: [
      ['Yoga Mat', 15, 89], ['Kettlebell', 19, 99], ['Resistance Bands', 9, 39], ['Foam Roller', 12, 49]] },
    { slug: 'running', name: 'Running', items: [
      ['Running Jacket', 39, 179], ['Running Socks', 7, 24], ['Hydration Vest', 39, 149],
      ['Sports Watch', 99, 599]] },
  ] },
  { slug: 'books-media', name: 'Books & Media', children: [
    { slug: 'fiction', name: 'Fiction', items: [
      ['Mystery Novel', 9, 24], ['Science Fiction Novel', 9, 26], ['Fantasy Box Set', 29, 89],
      ['Poetry Collection', 9, 22]] },
    { slug: 'non-fiction', name: 'Non-fiction', items: [
      ['Cookbook', 15, 45], ['Travel Guide', 12, 35], ['Biography', 12, 35],
      ['Popular Science Book', 12, 39]] },
    { slug: 'comics', name: 'Comics', items: [
      ['Graphic Novel', 12, 39], ['Manga Volume', 7, 14], ['Comic Box Set', 29, 99]] },
    { slug: 'music', name: 'Music', items: [
      ['Vinyl Record', 19, 49], ['Acoustic Guitar', 99, 799], ['Ukulele', 29, 149],
      ['Guitar Strings', 6, 19]] },
  ] },
  { slug: 'toys-games', name: 'Toys & Games', children: [
    { slug: 'board-games', name: 'Board Games', items: [
      ['Strategy Board Game', 25, 79], ['Family Board Game', 19, 49], ['Card Game', 9, 29],
      ['Chess Set', 19, 199]] },
    { slug: 'puzzles', name: 'Puzzles', items: [
      ['Jigsaw Puzzle', 12, 39], ['3D Puzzle', 15, 59], ['Brain Teaser Set', 9, 29]] },
    { slug: 'building-sets', name: 'Building Sets', items: [
      ['Building Block Set', 19, 199], ['Marble Run', 29, 99], ['Construction Kit', 25, 129]] },
    { slug: 'outdoor-toys', name: 'Outdoor Toys', items: [
      ['Kite', 12, 59], ['Water Blaster', 9, 29], ['Balance Bike', 49, 149], ['Trampoline', 99, 499]] },
  ] },
];

// prettier-ignore
export const TAGS: readonly string[] = [
  'Bestseller', 'New Arrival', 'Eco-friendly', 'Gift Idea', 'Limited Edition', 'Handmade', 'On Sale',
  'Premium', 'Budget Pick', 'Waterproof', 'Wireless', 'Organic', 'Vegan', 'Made in EU', 'For Kids', 'Outdoor',
  'Travel', 'Compact', 'Durable', 'Recycled', 'Smart Home', 'Ergonomic', 'Lightweight', 'Professional',
  'Classic', 'Trending', 'Award-winning', 'Family', 'Seasonal', 'Exclusive',
];

// prettier-ignore
export const BRANDS: readonly string[] = [
  'Nordvik', 'Altura', 'Kestrel', 'Lumio', 'Brava', 'Solenne', 'Tindra', 'Helix', 'Ostara', 'Vela',
  'Moss & Pine', 'Corvo', 'Arden', 'Fjell', 'Marlow', 'Sora', 'Bellamy', 'Quill', 'Tessaro', 'Juniper Lane',
];

// prettier-ignore
export const ADJECTIVES: readonly string[] = [
  'Classic', 'Compact', 'Pro', 'Ultra', 'Essential', 'Premium', 'Everyday', 'Lightweight', 'Heritage',
  'Urban',
  'Eco', 'Signature', 'Studio', 'Travel', 'Deluxe', 'Modern', 'Rugged', 'Mini', 'Max', 'Original',
];

// prettier-ignore
export const COLOURS: readonly string[] = [
  'Black', 'White', 'Slate Grey', 'Navy', 'Forest Green', 'Sand', 'Terracotta', 'Ocean Blue', 'Charcoal',
  'Ivory',
];

export const FEATURES: readonly string[] = [
  'Built from recycled materials without cutting corners on durability.',
  'Designed in Europe and tested for years of everyday use.',
  'Backed by a two-year warranty and friendly support.',
  'Easy to clean, easy to store and made to last.',
  'A thoughtful gift that people actually use.',
  'Ships in plastic-free packaging.',
  'Light enough to take anywhere, sturdy enough to keep.',
  'Customers rate it highly for value and quality.',
  'Refined over several versions based on customer feedback.',
  'Pairs well with the rest of the range.',
  'Carefully finished down to the last detail.',
  'Independently tested for safety and performance.',
];
