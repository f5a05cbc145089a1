import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Progress, Row, Statistic, Tag, Typography } from 'antd';
import type { InvestmentProgress } from './operations';
import { GoalForm } from './GoalForm';
import { useEChart, type ChartOption } from './useEChart';
import { useTargetsText } from './useTargetsText';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Months of the year that have begun in China: a running total is not drawn into the future. */
function monthsBegun(year: number): number {
  const now = new Date(Date.now() + 8 * 3600_000);
  const current = now.getUTCFullYear();
  return year < current ? 12 : year > current ? 0 : now.getUTCMonth() + 1;
}

/** The year against the goal: headline figures, a monthly chart and the gaps nobody is working on. */
export function ProgressDashboard({ progress, districtCode, onGoalSet }: { progress: InvestmentProgress; districtCode: string; onGoalSet(): void }) {
  const { t, money, pick } = useTargetsText();
  const goal = progress.goal;
  const [editingGoal, setEditingGoal] = useState(false);

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('progress.signedPerMonth'), t('progress.cumulativeAgreement')] },
      grid: { left: 48, right: 56, top: 48, bottom: 32 },
      xAxis: { type: 'category', data: progress.byMonth.map((m) => t('progress.month', { month: m.month })) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', position: 'right' },
      ],
      series: [
        { name: t('progress.signedPerMonth'), type: 'bar', data: progress.byMonth.map((m) => m.signed) },
        {
          name: t('progress.cumulativeAgreement'),
          type: 'line',
          yAxisIndex: 1,
          data: progress.byMonth.map((m) => (m.month <= monthsBegun(progress.year) ? Math.round(m.cumulativeAgreementCny / 1e6) / 100 : null)),
        },
      ],
    }),
    [progress.byMonth, progress.year, t],
  );
  const chartRef = useEChart<HTMLDivElement>(option);

  return (
    <div data-testid="progress-dashboard" data-year={progress.year}>
      {goal ? (
        <Typography.Paragraph>
          {t('progress.goal', { year: progress.year })}：{goal.projects} · {money(goal.agreementCny)}{' '}
          <Button size="small" data-testid="goal-edit" onClick={() => setEditingGoal(true)}>
            {t('goal.edit')}
          </Button>
        </Typography.Paragraph>
      ) : (
        <Alert
          type="info"
          showIcon
          title={t('progress.noGoal', { year: progress.year })}
          action={
            <Button size="small" data-testid="goal-edit" onClick={() => setEditingGoal(true)}>
              {t('goal.set')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {editingGoal && (
        <GoalForm
          districtCode={districtCode}
          year={progress.year}
          current={goal}
          onCancel={() => setEditingGoal(false)}
          onSaved={() => {
            setEditingGoal(false);
            onGoalSet();
          }}
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('progress.projects')} value={progress.signedProjects} suffix={goal ? `/ ${goal.projects}` : undefined} data-testid="progress-signed" />
            {progress.projectRate !== null && <Progress percent={Math.min(100, Math.round(progress.projectRate * 1000) / 10)} size="small" />}
          </Card>
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Card size="small">
            <Statistic title={t('progress.agreement')} value={money(progress.agreementCny)} data-testid="progress-agreement" />
            {progress.agreementRate !== null && <Progress percent={Math.min(100, Math.round(progress.agreementRate * 1000) / 10)} size="small" />}
          </Card>
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Card size="small">
            <Statistic title={t('progress.funds')} value={money(progress.fundsInPlaceCny)} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Card size="small">
            <Statistic title={t('progress.startRate')} value={percent(progress.startRate)} data-testid="progress-start-rate" />
            <Typography.Text type="secondary" data-testid="progress-started">
              {t('progress.started')} {progress.started} · {t('progress.producing')} {progress.producing}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Card size="small">
            <Statistic title={t('progress.fundRate')} value={percent(progress.fundRate)} data-testid="progress-fund-rate" />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('progress.monthly')} style={{ marginTop: 12 }}>
        <div ref={chartRef} data-testid="progress-chart" style={{ height: 300, width: '100%' }} />
      </Card>
      <Card size="small" title={t('progress.unworkedGaps')} style={{ marginTop: 12 }}>
        {progress.gapSegmentsWithoutTarget.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('progress.noUnworkedGaps')} />
        ) : (
          <div data-testid="progress-unworked-gaps">
            {progress.gapSegmentsWithoutTarget.map((s) => (
              <Tag key={s.code} color="red">
                {pick(s.nameZh, s.nameEn)}
              </Tag>
            ))}
          </div>
        )}
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {t('progress.definitions')}
      </Typography.Paragraph>
    </div>
  );
}
