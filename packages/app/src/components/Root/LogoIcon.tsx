import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 28 },
  mark: { fill: '#7df3e1' },
});

/** The portal's mark (a branch merging back), for the collapsed sidebar. */
const LogoIcon = () => {
  const classes = useStyles();
  return (
    <svg className={classes.svg} xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" role="img" aria-label="GitOps Portal">
      <circle className={classes.mark} cx="8" cy="8" r="6" />
      <circle className={classes.mark} cx="8" cy="32" r="6" />
      <circle className={classes.mark} cx="30" cy="20" r="6" />
      <path className={classes.mark} d="M6 8h4v24H6zM10 18h16v4H10z" />
    </svg>
  );
};

export default LogoIcon;
