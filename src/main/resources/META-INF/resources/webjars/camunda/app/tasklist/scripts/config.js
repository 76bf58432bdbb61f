// YibaoFlow configuration of Camunda Tasklist (7.24), see docs/operations.md "Camunda webapps in Chinese".
// Replaces the webjar's app/tasklist/scripts/config.js (the application's classpath comes first).
//
// Simplified Chinese (locales/zh-CN.json) is the default whatever the browser's language. The webapps pick a
// locale from the browser's first language only when it is listed in availableLocales, so English is listed
// only after a user chose it: open any webapp once with ?lang=en (back to Chinese with ?lang=zh-CN); the
// choice is kept in the browser (localStorage, shared by Tasklist, Cockpit and Admin).
const chosenLocale = (() => {
  try {
    const requested = new URLSearchParams(window.location.search).get('lang');
    if (requested === 'en' || requested === 'zh-CN') {
      window.localStorage.setItem('yibaoflow.locale', requested);
    }
    return window.localStorage.getItem('yibaoflow.locale');
  } catch (e) {
    return null;
  }
})();

const locales =
  chosenLocale === 'en'
    ? {availableLocales: ['en', 'zh-CN'], fallbackLocale: 'en'}
    : {availableLocales: ['zh-CN'], fallbackLocale: 'zh-CN'};

// The system's clock (issue #21 §2, see docs/operations.md): a demo lives on a day of its coverage year while the
// browser lives on the wall clock. When the system's "now" is shifted, the page's Date follows it, so that a task
// created a minute ago is not shown as "2 years ago" and a due date next week is not overdue. Otherwise (the
// production case) nothing changes. A module's top-level await: the webapp starts after this.
await (async () => {
  try {
    const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
    const response = await fetch(appRoot.substring(0, appRoot.lastIndexOf('/')) + '/clock', {cache: 'no-store'});
    const clock = response.ok ? await response.json() : {shifted: false};
    if (!clock.shifted) {
      return;
    }
    const RealDate = window.Date;
    const offset = RealDate.parse(clock.now) - RealDate.now();
    function SystemDate(...args) {
      if (!new.target) {
        return new RealDate(RealDate.now() + offset).toString();
      }
      return args.length === 0 ? new RealDate(RealDate.now() + offset) : new RealDate(...args);
    }
    SystemDate.prototype = RealDate.prototype;
    SystemDate.now = () => RealDate.now() + offset;
    SystemDate.parse = RealDate.parse;
    SystemDate.UTC = RealDate.UTC;
    window.Date = SystemDate;
  } catch (e) {
    // the wall clock, then
  }
})();

// Dates in China Standard Time whatever the browser's zone (issue #21 §1). Tasklist formats dates with moment and
// Angular, which read a Date's local fields; 7.24 has no time-zone setting and bundles no moment-timezone. On a
// machine set to another zone, a Date's local getters and setters, its offset and the parsing of local date-times
// are made those of Asia/Shanghai: UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact. On a
// machine already on China time nothing changes.
(() => {
  const OFFSET_MINUTES = 480;
  const SHIFT = OFFSET_MINUTES * 60000;
  const P = Date.prototype;
  if (P.getTimezoneOffset.call(new Date()) === -OFFSET_MINUTES) {
    return;
  }
  const getTime = P.getTime;
  const setTime = P.setTime;
  const scratch = new Date(0);
  const fields = ['FullYear', 'Month', 'Date', 'Day', 'Hours', 'Minutes', 'Seconds', 'Milliseconds'];
  for (const field of fields) {
    const utcGet = P['getUTC' + field];
    P['get' + field] = function () {
      const t = getTime.call(this);
      return Number.isNaN(t) ? NaN : utcGet.call((setTime.call(scratch, t + SHIFT), scratch));
    };
    if (field === 'Day') {
      continue;
    }
    const utcSet = P['setUTC' + field];
    P['set' + field] = function (...args) {
      const t = getTime.call(this);
      setTime.call(scratch, (Number.isNaN(t) ? 0 : t) + SHIFT);
      utcSet.apply(scratch, args);
      return setTime.call(this, getTime.call(scratch) - SHIFT);
    };
  }
  P.getTimezoneOffset = function () {
    return Number.isNaN(getTime.call(this)) ? NaN : -OFFSET_MINUTES;
  };
  // a date-time without a zone ("2024-11-15T09:00:00") is local time: China time here
  const LOCAL_DATE_TIME = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d{1,3})?)?$/;
  const Base = window.Date;
  const parse = text =>
    typeof text === 'string' && LOCAL_DATE_TIME.test(text.trim())
      ? Base.parse(text.trim().replace(' ', 'T') + 'Z') - SHIFT
      : Base.parse(text);
  function ChinaDate(...args) {
    if (!new.target) {
      return Base();
    }
    if (args.length >= 2) {
      return new Base(Base.UTC(...args) - SHIFT);
    }
    if (args.length === 1 && typeof args[0] === 'string') {
      return new Base(parse(args[0]));
    }
    return args.length === 0 ? new Base() : new Base(args[0]);
  }
  ChinaDate.prototype = P;
  ChinaDate.now = () => Base.now();
  ChinaDate.parse = parse;
  ChinaDate.UTC = Base.UTC;
  window.Date = ChinaDate;
})();

export default {
  app: {
    name: '任务列表',
    vendor: '居民医保'
  },
  locales,
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'lll',
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到筛选器列表的第一项'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表的第一项'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
