import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import OutlinedInput from '@material-ui/core/OutlinedInput';
import Select from '@material-ui/core/Select';
import { ALL, FleetFilter } from './fleetFilters';

const HEALTHS = ['Ready', 'Failed', 'Stalled', 'Reconciling', 'Suspended', 'Unknown'];

function FilterSelect(props: { id: string; label: string; value: string; options: string[]; onChange: (value: string) => void }) {
  return (
    <FormControl variant="outlined" size="small" style={{ minWidth: 180 }}>
      <InputLabel id={`${props.id}-label`} shrink>{props.label}</InputLabel>
      <Select
        labelId={`${props.id}-label`}
        id={props.id}
        input={<OutlinedInput notched label={props.label} />}
        value={props.value}
        displayEmpty
        onChange={event => props.onChange(String(event.target.value))}
        data-testid={props.id}
      >
        <MenuItem value={ALL}>All</MenuItem>
        {props.options.map(option => (
          <MenuItem key={option} value={option}>
            {option}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

export function FleetFilters(props: {
  filter: FleetFilter;
  kinds: string[];
  clusters: string[];
  onChange: (filter: FleetFilter) => void;
}) {
  const { filter, onChange } = props;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }} mb={2}>
      <FilterSelect id="gitops-filter-status" label="Status" value={filter.health} options={HEALTHS}
        onChange={health => onChange({ ...filter, health })} />
      <FilterSelect id="gitops-filter-kind" label="Kind" value={filter.kind} options={props.kinds}
        onChange={kind => onChange({ ...filter, kind })} />
      <FilterSelect id="gitops-filter-cluster" label="Cluster" value={filter.cluster} options={props.clusters}
        onChange={cluster => onChange({ ...filter, cluster })} />
    </Box>
  );
}
