// Messages of one line of work, kept in their own file so parallel work does not collide in ja.ts/en.ts.
// Keys follow the project's "capability.thing" style; both objects must have the same keys.
// Performance (issue 13): the filters of the lists that are now paginated on the server.
export const performanceJa = {
  "performance.filter.name": "事業所名",
  "performance.filter.allStatuses": "すべての状況",
  "performance.filter.matching": "条件に合う事業所 {count} 件",
} as const;

export const performanceEn = {
  "performance.filter.name": "Office name",
  "performance.filter.allStatuses": "Any status",
  "performance.filter.matching": "{count} offices match",
};
