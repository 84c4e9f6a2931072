import { describe, expect, it } from 'vitest';
import { draftProblems, priceProblem, priceToSend, titleProblem } from './ticketDraft';

describe('priceProblem', () => {
  it('accepts what the API accepts', () => {
    for (const price of ['19.99', '20', '0.5', '1000000', '1000000.00', ' 42.50 ', '1.230']) {
      expect(priceProblem(price), price).toBeNull();
    }
  });

  it('says the API’s own words for the API’s rules', () => {
    expect(priceProblem('0')).toBe('Price must be greater than 0');
    expect(priceProblem('0.00')).toBe('Price must be greater than 0');
    expect(priceProblem('-5')).toBe('Price must be greater than 0');
    expect(priceProblem('1.234')).toBe('Price must have at most 2 decimals');
    expect(priceProblem('0.001')).toBe('Price must have at most 2 decimals');
    expect(priceProblem('1000000.01')).toBe('Price must be at most 1000000');
    expect(priceProblem('2000000')).toBe('Price must be at most 1000000');
  });

  it('says what is wrong with input that is not a number, and what to type instead', () => {
    expect(priceProblem('abc')).toBe('Price must be a number, like 19.99');
    expect(priceProblem('$20')).toBe('Price must be a number without a currency sign, like 20');
    expect(priceProblem('20 USD')).toBe('Price must be a number without a currency sign, like 20');
    expect(priceProblem('1,000')).toBe('Price must be a number without commas, like 1000');
    expect(priceProblem('19,99')).toBe('Price must be a number without commas, like 19.99');
    expect(priceProblem('1 000')).toBe('Price must be a number without spaces, like 1000');
    expect(priceProblem('1e3')).toBe('Price must be a number, like 19.99');
    expect(priceProblem('')).toBe('Enter a price, like 19.99');
  });
});

describe('titleProblem', () => {
  it('matches the API', () => {
    expect(titleProblem('  ')).toBe('Title is required');
    expect(titleProblem('x'.repeat(201))).toBe('Title must be at most 200 characters');
    expect(titleProblem('🎫'.repeat(200))).toBeNull();
  });
});

describe('draftProblems', () => {
  it('gives each problem its field', () => {
    expect(draftProblems({ title: '', price: 'abc' })).toEqual([
      { field: 'title', message: 'Title is required' },
      { field: 'price', message: 'Price must be a number, like 19.99' },
    ]);
    expect(draftProblems({ title: 'Concert', price: '19.99' })).toEqual([]);
  });
});

describe('priceToSend', () => {
  it('drops zeros past the second decimal', () => {
    expect(priceToSend(' 1.230 ')).toBe('1.23');
    expect(priceToSend('20')).toBe('20');
  });
});
