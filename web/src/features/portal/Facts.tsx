import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Labels and values as a description list: one column on a phone, as many as fit on a wider screen. */
export function Facts({ items }: { items: readonly (readonly [label: string, value: ReactNode])[] }) {
  return (
    <dl className="portal-facts">
      {items.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fw={500}>
            {value}
          </Text>
        </div>
      ))}
    </dl>
  );
}
