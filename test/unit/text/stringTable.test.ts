import * as assert from 'node:assert/strict';
import { StringTable } from '../../../src/core';

describe('StringTable', () => {
  it('gives one copy per distinct string, equal to what it was given', () => {
    const table = new StringTable();
    const text = 'Ông Nguyễn Văn Thành nói. Nguyễn Văn Thành đã đến.';
    const first = table.own(text.slice(4, 20));
    const second = table.own(text.slice(26, 42));
    assert.equal(first, 'Nguyễn Văn Thành');
    assert.equal(second, first);
    assert.equal(table.size, 1);
    assert.equal(table.own('Tô Lâm'), 'Tô Lâm');
    assert.equal(table.size, 2);
  });

  it('forgets everything on clear', () => {
    const table = new StringTable();
    table.own('Sergey Lavrov');
    table.clear();
    assert.equal(table.size, 0);
  });
});
