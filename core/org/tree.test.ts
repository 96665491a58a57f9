import { describe, expect, it } from 'vitest';
import { ancestorPath, rollUpUnitIds, wouldCreateCycle } from './tree';

const nodes = [
  { id: 'city', parentId: null, successorId: null },
  { id: 'districtA', parentId: 'city', successorId: 'wardA' },
  { id: 'communeA1', parentId: 'districtA', successorId: 'wardA' },
  { id: 'wardA', parentId: 'city', successorId: null },
  { id: 'wardA_onestop', parentId: 'wardA', successorId: null },
  { id: 'wardB', parentId: 'city', successorId: null },
];
const byId = new Map(nodes.map((n) => [n.id, n]));

describe('organisation tree', () => {
  it('walks ancestors nearest first', () => {
    expect(ancestorPath('communeA1', byId)).toEqual(['communeA1', 'districtA', 'city']);
  });
  it('detects cycles', () => {
    expect(wouldCreateCycle('districtA', 'communeA1', byId)).toBe(true);
    expect(wouldCreateCycle('wardB', 'wardA', byId)).toBe(false);
  });
  it('rolls merged predecessors (and their sub-trees) up into the successor', () => {
    expect([...rollUpUnitIds('wardA', nodes)].sort()).toEqual(['communeA1', 'districtA', 'wardA', 'wardA_onestop']);
    expect([...rollUpUnitIds('wardB', nodes)]).toEqual(['wardB']);
  });
});
